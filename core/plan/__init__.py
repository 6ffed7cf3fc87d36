"""The plan: the document, its field checks, the path through the steps, the self-check, storage."""
