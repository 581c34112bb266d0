"""Settings for Beheerorganisatie, read from the environment.

Everything has a default that suits a local checkout (SQLite, DEBUG on only when
asked for). Production sets DATABASE_URL, SECRET_KEY and ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from beheer.sso import config as sso_config

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name: str, default: bool) -> bool:
    value = os.getenv(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: use true or false")


def envint(name: str, default: int) -> int:
    value = os.getenv(name)
    return default if value in (None, "") else int(value)


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A guessable key would let anyone forge sessions; refuse rather than guess.
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, "
            "or DEBUG=true for local development."
        )
    SECRET_KEY = "insecure-local-development-key-not-for-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "guardian",
    "simple_history",
    "import_export",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "template_partials",
    "beheer",
    "matrix",
    "maturity",
    "kpi",
    "governance",
    "operations",
    "notifications",
    # Above the feature apps: the pages that gather from all of them.
    "home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "beheer.middleware.ContentSecurityPolicyMiddleware",
    "beheer.data_versions.VersionsPerRequest",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "beheer.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "beheer.access.MembershipRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "beheer.urls"
WSGI_APPLICATION = "beheer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "beheer.context_processors.site",
                "matrix.context_processors.matrix",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers write at once (cell saves): take the write lock when a
    # transaction starts, wait for it rather than fail, and let readers go on.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
    # Opening a SQLite file is cheap, but the pragmas above run on each opening.
    DATABASES["default"]["CONN_MAX_AGE"] = envint("CONN_MAX_AGE", 600)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's pool keeps connections open between requests in each worker;
    # it replaces CONN_MAX_AGE, which must then stay 0.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": envint("DB_POOL_MIN_SIZE", 1),
        "max_size": envint("DB_POOL_MAX_SIZE", 10),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache of computed results (beheer/cache.py). By default each process has
# its own, bounded in bytes; several app servers can share one Redis instead
# (CACHE_URL=redis://host:6379/0). CACHE_URL=dummy:// switches caching off.
CACHE_URL = os.getenv("CACHE_URL", "")
CACHE_MAX_BYTES = envint("CACHE_MAX_BYTES", 32 * 1024 * 1024)
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    _cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
elif CACHE_URL == "dummy://":
    _cache = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
elif CACHE_URL in ("", "locmem://"):
    _cache = {
        "BACKEND": "beheer.cache_backend.BoundedLocMemCache",
        "OPTIONS": {"MAX_BYTES": CACHE_MAX_BYTES, "MAX_ENTRIES": 5000},
    }
else:
    raise ImproperlyConfigured(
        f"CACHE_URL={CACHE_URL!r}: use redis://…, locmem:// or dummy:// (or leave it empty)"
    )
CACHES = {"default": {**_cache, "TIMEOUT": 3600}}

AUTHENTICATION_BACKENDS = [
    # First: refuses a blocked login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Only object permissions for named users are used; no anonymous user row.
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False
GUARDIAN_MONKEY_PATCH_GROUP = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.getenv("TIME_ZONE", "Europe/Amsterdam")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads (Excel and CSV imports) are small; anything larger is refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

# Security: strict by default once DEBUG is off. Behind a TLS-terminating proxy,
# set SECURE_PROXY_SSL_HEADER=true so Django trusts X-Forwarded-Proto.
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Joining the browsers' preload list binds the whole domain to HTTPS for
    # good; that is the organisation's decision, not a default of this app.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies in front of the app append to X-Forwarded-For; the
# client's address is that many entries from the right (see beheer.login_throttle).
PROXY_COUNT = envint("PROXY_COUNT", 1 if envbool("SECURE_PROXY_SSL_HEADER", False) else 0)

# Content-Security-Policy on every response (beheer.middleware). Every script and
# stylesheet is a file of our own: no inline code, no eval, no other host. The
# setting has the shape of Django 6's SECURE_CSP, so the upgrade swaps the middleware.
# data: images are Pico's icons (inline SVG in its stylesheet).
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Single sign-on with OpenID Connect (beheer/sso; the README's "Single sign-on").
# Off unless OIDC_DISCOVERY_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set.
OIDC_ENABLED = sso_config.sso_enabled()
OIDC_DISCOVERY_URL = (
    sso_config.discovery_url(os.environ["OIDC_DISCOVERY_URL"]) if OIDC_ENABLED else ""
)
OIDC_RP_CLIENT_ID = os.getenv("OIDC_CLIENT_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.getenv("OIDC_CLIENT_SECRET", "").strip()
OIDC_RP_SCOPES = os.getenv("OIDC_SCOPES", "").strip() or "openid email profile"
OIDC_RP_SIGN_ALGO = sso_config.sign_algorithm(os.getenv("OIDC_SIGN_ALGORITHM", ""))
# Which claim holds the user's groups (a dotted path reaches into an object, as
# Keycloak's realm_access.roles), and which of its values give which app group.
OIDC_GROUPS_CLAIM = os.getenv("OIDC_GROUPS_CLAIM", "").strip() or "groups"
OIDC_GROUP_MAP = sso_config.group_map(os.getenv("OIDC_GROUP_MAP", ""))
# Only the SSO button on the login page; beheerders keep a local login (/login/?lokaal=1).
OIDC_HIDE_LOCAL_LOGIN = envbool("OIDC_HIDE_LOCAL_LOGIN", False)
# An SSO session ends this many hours after login; the next login asks the provider
# again, so an account disabled there stops working here by the next day.
OIDC_SESSION_HOURS = envint("OIDC_SESSION_HOURS", 10)
OIDC_TIMEOUT = envint("OIDC_TIMEOUT", 5)  # seconds, for each request to the provider
# mozilla-django-oidc: authorization code flow with PKCE, state and nonce; the ID
# token is kept in the session as the hint for the provider's logout.
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("beheer.sso.backend.SsoBackend")
    # Logout is a form posted here that the app answers with a redirect to the
    # provider's logout page; Chromium holds that redirect to form-action too.
    SECURE_CSP["form-action"] = [*SECURE_CSP["form-action"], sso_config.origin(OIDC_DISCOVERY_URL)]

# Login throttling (django-axes). Failures count per account *and* address: five
# wrong passwords for one account from one address block that pair for 15 minutes.
# Blocking an account everywhere would let anyone lock a colleague out by typing
# wrong passwords; blocking an address would lock out a whole office behind one
# NAT address. A beheerder lifts a block in the admin (Access attempts) or with
# `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A try while blocked does not restart the clock, so "try again in N minutes" holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "beheer.login_throttle.client_address"
AXES_LOCKOUT_CALLABLE = "beheer.login_throttle.locked_out"
# The log names the account and the address of a lockout (passwords never).
AXES_SENSITIVE_PARAMETERS = []
# Successful logins are not kept: last_login says enough, and less personal data.
AXES_DISABLE_ACCESS_LOG = True

# E-mail (notifications, `send_reminders`): over SMTP once EMAIL_HOST is set;
# otherwise, as under `make run`, printed to the console.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = os.getenv(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST and not DEBUG
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "beheer@localhost")
# The address of the application as users reach it: the links in e-mails.
SITE_URL = os.getenv("SITE_URL", "http://localhost:8000")

IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
    # django-axes: failed logins and lockouts are warnings; its chatter is info.
    "loggers": {"axes": {"level": "WARNING"}},
}

# Uploads: the matrix import, the KPI uploads and the admin import are read by
# beheer/uploads.py within these caps, so that no file can hold a worker for long
# or fill its memory. They fit a matrix of some hundreds of tasks x roles and a
# KPI file of 50,000 rows with room to spare; see the README.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)  # the file as uploaded
UPLOAD_MAX_UNZIPPED_BYTES = envint("UPLOAD_MAX_UNZIPPED_BYTES", 64 * 1024 * 1024)  # .xlsx
UPLOAD_MAX_ROWS = envint("UPLOAD_MAX_ROWS", 60_000)
UPLOAD_MAX_COLUMNS = envint("UPLOAD_MAX_COLUMNS", 300)
UPLOAD_MAX_CELLS = envint("UPLOAD_MAX_CELLS", 500_000)
# The admin import checks and saves row by row (about 4 ms a row, twice: preview
# and confirmation), so it takes fewer rows.
ADMIN_IMPORT_MAX_ROWS = envint("ADMIN_IMPORT_MAX_ROWS", 2_000)
