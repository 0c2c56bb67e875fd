"""The recogniser components; importing this package registers their spaCy factories."""
from . import (  # noqa: F401
    certification,
    committee,
    company,
    framework,
    organization,
    person,
    programme,
    sdg,
)
