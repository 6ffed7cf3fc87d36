"""Timeline: what the business did, where and when; posts, offline actions, periods, charts, the map."""
