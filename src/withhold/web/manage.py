"""Django's management commands for the web application: ``python -m withhold.web.manage COMMAND``
(``migrate``, ``withhold_demo``, ``rotate_keys``, ``check --deploy``, ...)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "withhold.web.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
