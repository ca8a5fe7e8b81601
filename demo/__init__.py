"""The demo agency: fictional officers, applicants and documents built through the real
services (app → demo → services). Nothing here is imported by services/ or ui/.
"""
