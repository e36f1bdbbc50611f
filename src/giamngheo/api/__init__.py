"""The typed REST API under ``/api/v1/`` (django-ninja).

Every route parses its input, calls one registry, standards, audit or accounts selector or
service (the same ones the pages call) and renders a schema. ``urls.api`` is the
:class:`~ninja.NinjaAPI`; its OpenAPI file is generated into ``docs/api/openapi.json``
(``make openapi``).
"""
