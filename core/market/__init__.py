"""Market map: customers placed, catchment, summary in words, the layers and the view the page shows."""
