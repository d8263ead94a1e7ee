"""Date arithmetic over court calendars."""
