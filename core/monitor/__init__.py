"""Monitor and loyalty: the goal board, its words, charts and map, repeat customers, links, alerts."""
