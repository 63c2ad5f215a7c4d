"""Qt item models over service DTOs; none of them touches the database in data()."""
