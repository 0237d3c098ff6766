"""KPI Lens: which of a marketer's social-media numbers are KPIs, and which are vanity."""
