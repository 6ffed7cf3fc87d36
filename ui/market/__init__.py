"""The Market map page's shell: the analysis its sections share, the map, drawing, customers in, places."""
