"""Settings, read from the environment (one module for every deployment; see docs/adr/0001).

- ``DATABASE_URL``: default ``sqlite:///var/giamngheo.sqlite3`` (WAL, through
  ``giamngheo.db.backends.sqlite3``); ``postgres://…`` in production.
- ``DEBUG``: off unless ``DEBUG=1``.
- ``SECRET_KEY``: from the environment, else generated once into ``var/secret_key``.
- ``ALLOWED_HOSTS``: comma-separated; ``127.0.0.1,localhost`` by default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.csp import CSP

from giamngheo.config.paths import PACKAGE_DIR, secret_key, var_dir


def _env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def _database(url: str) -> dict[str, Any]:
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["ENGINE"] = "giamngheo.db.backends.sqlite3"  # + search keys (giamngheo.db.search)
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            " PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;",
            "transaction_mode": "IMMEDIATE",
        }
    return config


VAR_DIR = var_dir()
DEBUG = _env_flag("DEBUG")
SECRET_KEY = secret_key()
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

DATABASES = {
    "default": _database(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'giamngheo.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks_db",
    "ninja",
    "giamngheo.apps.accounts",
    "giamngheo.apps.audit",
    "giamngheo.apps.geo",
    "giamngheo.apps.registry",
    "giamngheo.apps.standards",
    "giamngheo.apps.jobs",
    "giamngheo.apps.review",
    "giamngheo.apps.programmes",
    "giamngheo.apps.funds",
    "giamngheo.apps.linkage",
    "giamngheo.apps.monitoring",
    "giamngheo.web",
]
AUTH_USER_MODEL = "accounts.User"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "giamngheo.apps.audit.middleware.RequestContextMiddleware",
]
ROOT_URLCONF = "giamngheo.config.urls"
WSGI_APPLICATION = "giamngheo.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "giamngheo.web.navigation.navigation",
            ],
        },
    },
]

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Front-end libraries installed from the npm registry by `make install` (never committed, never
# loaded from a CDN); collected with the app's own static files.
NODE_MODULES = Path(
    os.environ.get("GIAMNGHEO_NODE_MODULES", PACKAGE_DIR.parents[1] / "node_modules")
)
STATICFILES_DIRS = [
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/echarts", NODE_MODULES / "echarts" / "dist"),
]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

AUTHENTICATION_BACKENDS = ["giamngheo.apps.accounts.lockout.LockoutBackend"]
LOGIN_LOCKOUT_FAILURES = 5  # per account name …
LOGIN_LOCKOUT_FAILURES_PER_ADDRESS = 20  # … and per client address …
LOGIN_LOCKOUT_MINUTES = 15  # … within this window; the lock lasts as long
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
API_TOKEN_DAYS = 90

# Sessions end after an hour without activity, and at the latest when the browser closes.
SESSION_COOKIE_AGE = 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts only from our own static files (no inline script, no CDN).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = _env_flag("SECURE_COOKIES")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
