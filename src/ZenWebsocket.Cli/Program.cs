using ZenWebsocket.Cli;

return await CliApp.InvokeAsync(args, Console.Out, Console.Error, handleTermination: true).ConfigureAwait(false);
