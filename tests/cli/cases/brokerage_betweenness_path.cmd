$ILC brokerage . --measures betweenness --format csv
