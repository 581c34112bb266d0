from tests.beheer.conftest import empty_register  # noqa: F401 (a fixture for these tests too)
