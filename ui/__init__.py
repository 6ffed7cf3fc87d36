"""The Streamlit shell shared by every page: the frame and widgets bound to the plan."""
