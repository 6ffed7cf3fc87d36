"""The Market map's layers: customers, areas, places, and the legend."""
