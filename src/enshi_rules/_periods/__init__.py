"""Periods and the calendar: which days are working days, year by year (``calendar``), and how a
legal period of the measures is counted to its last day (``counting``)."""
