"""The dashboard: plan against executed, counterpart, outputs (QtCharts)."""
