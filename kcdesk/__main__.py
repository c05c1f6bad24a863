from kcdesk.cli.main import main

raise SystemExit(main())
