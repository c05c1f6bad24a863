"""Qt-free reads and writes the window needs beyond kcdesk.services (plain rows, never ORM
objects handed to widgets). Every write function takes the writer's session."""
