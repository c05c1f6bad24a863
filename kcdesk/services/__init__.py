"""Use cases over the store: each function takes a Session and returns plain data.

Writers are meant to run inside `store.write(lambda s: ...)`; readers inside
`with store.read() as s`. The window, the CLI and sync call the same functions.
"""
