"""The WSGI application that gunicorn serves (``withhold serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "withhold.web.settings.local")

application = get_wsgi_application()
