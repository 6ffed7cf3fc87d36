"""The workshop room: rooms and participants, their store, the room's aggregates and map, the QR code."""
