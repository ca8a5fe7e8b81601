"""The issuing page: licences to issue (the approver signs them), licences issued and how
they reach the applicant (intake and reviewers deliver them)."""
