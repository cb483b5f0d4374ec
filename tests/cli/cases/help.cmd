$ILC --help
