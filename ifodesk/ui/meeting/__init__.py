"""Parts of the IU-sammanträden page: the new-meeting dialog and the agenda columns."""
