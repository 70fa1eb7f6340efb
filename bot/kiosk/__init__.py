"""The kiosk chat: the blueprint people in prison use."""
from .views import bp

__all__ = ["bp"]
