"""The workspace's page routers, mounted after the JSON API."""
