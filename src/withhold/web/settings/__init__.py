"""Settings by environment: ``development`` (runserver, DEBUG), ``local`` (``withhold serve`` on this
machine), ``production`` (behind HTTPS, every secret from the environment) and ``test``."""
