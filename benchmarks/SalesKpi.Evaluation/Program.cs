using System;

Console.Error.WriteLine("usage: SalesKpi.Evaluation m3 --data <folder> [--method <name>]");
return 2;
