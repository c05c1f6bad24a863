"""Due and overdue proposal deadlines."""
