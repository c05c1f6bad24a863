"""The first start: create the database, choose the province and centre, offer demo data."""
