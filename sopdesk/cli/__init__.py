"""The sopdesk command line: the same engine the GUI uses."""
