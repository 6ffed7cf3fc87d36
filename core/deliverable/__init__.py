"""The plan's deliverable: its values, built once, and the PDF, XLSX and Markdown that lay them out."""
