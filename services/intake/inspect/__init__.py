"""Files judged by their content: type sniffing, PDFs, images, archives, and the reasons
table (officer and applicant wording) for anything held.
"""
