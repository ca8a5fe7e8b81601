"""Where everything is kept: the SQLCipher store, its master key in the OS keyring, the
AES-GCM blob store, the recovery file, and opening or creating a profile.
"""
