"""Parts of the decision editor and the Att besluta page: template picker, fields, preview, routing."""
