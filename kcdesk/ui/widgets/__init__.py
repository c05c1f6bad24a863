"""Small reusable widgets: pickers, a field with its message, attachments, badges."""
