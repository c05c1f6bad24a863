"""Sign-in per person in the window: the sign-in and change-password dialogs, the lock
(idle time, session lock) and the centre leader's accounts dialog (kcdesk.services.sign_in)."""
