"""The local web app and REST API over one dateline database: `create_app(db)`."""

from dateline.web.app import create_app

__all__ = ["create_app"]
