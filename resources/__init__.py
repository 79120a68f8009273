"""Icons, translations and other resources shipped with sopdesk."""
