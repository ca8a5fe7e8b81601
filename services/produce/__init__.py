"""Documents the agency produces: PDF helpers and certified copies; signing and issuing
licences will live here beside them.
"""
