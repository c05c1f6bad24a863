"""Field survey mode for collaborators: a keyboard- and touchpad-friendly form."""
