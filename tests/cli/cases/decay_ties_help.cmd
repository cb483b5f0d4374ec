$ILC ties --help
