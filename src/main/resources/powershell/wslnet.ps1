# wslnet: observe this Windows host, or carry out operations on it and observe it again, in one process.
# Input: base64 of a UTF-8 JSON request, as -Request (what wslnet's bootstrap passes) or on stdin:
#   {"mode": "observe", "group": string or null, "wslQueries": bool}
#   {"mode": "apply", "operations": [...], "group": ..., "wslQueries": ...}
#   {"mode": "apply", "elevate": {"script": base64 of this script, "request": base64 of the request}}
# Output: one line "WSLNET-RESULT:" + base64 of a UTF-8 JSON document: the observation, or for apply
# {"results": [{"ok": true} | {"ok": false, "error": "..."}], "observation": {...}}, one result per operation.
# Values are only ever data here: nothing from the request or from Windows becomes script text.
# In the elevated process of --elevate, the bootstrap also passes -Expected (base64 JSON: the user who asked, whose
# Windows this is) and -ResultWriter (the pipe back to that user's process).
param([string]$Request, [string]$Expected, $ResultWriter)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
  # Errors that escape the script reach wslnet on stderr: keep them readable on localized Windows.
  [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding($false)
} catch {
  $null = $_
}
$vmCreator = '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'
$portProxyTypes = @('v4tov4', 'v4tov6', 'v6tov4', 'v6tov6')

# Value maps of the firewall CIM classes, which declare these properties as uint16 (MicrosoftDocs/win32,
# desktop-src/FWP/wmi/wfascimprov: msft-netfirewallrule.md, msft-netfirewallhypervrule.md,
# msft-netfirewallhypervvmsetting.md). The cmdlets' type data prints names; a raw CIM instance prints numbers. The
# observation always sends names. Note that 2 is False for a rule's Enabled and NotConfigured for a VM setting's;
# WSL's own code writes 0 for a disabled Hyper-V rule (microsoft/WSL, WslCoreFirewallSupport.cpp, c_ruleDisabled).
$directionNames = @{ 1 = 'Inbound'; 2 = 'Outbound' }
$ruleActionNames = @{ 2 = 'Allow'; 3 = 'AllowBypass'; 4 = 'Block' }
$ruleEnabledNames = @{ 0 = 'False'; 1 = 'True'; 2 = 'False' }
$settingActionNames = @{ 0 = 'NotConfigured'; 2 = 'Allow'; 4 = 'Block' }
$settingSwitchNames = @{ 0 = 'False'; 1 = 'True'; 2 = 'NotConfigured' }

function Read-Request {
  if ($Request) { $encoded = $Request }
  else { $encoded = [Console]::In.ReadToEnd() }
  $json = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded.Trim()))
  return ConvertFrom-Json -InputObject $json
}

function Write-Result($value) {
  $json = ConvertTo-Json -InputObject $value -Depth 8 -Compress
  $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json))
  if ($null -ne $ResultWriter) { $ResultWriter.WriteLine('WSLNET-RESULT:' + $encoded) } else { [Console]::Out.WriteLine('WSLNET-RESULT:' + $encoded) }
}

# The raw bytes a program writes to stdout, base64-encoded: wsl.exe writes UTF-16LE unless WSL_UTF8=1, and Java
# decodes either. $null when the program cannot run or does not finish in 30 seconds. Both streams are read
# asynchronously, so that a program that hangs without closing its output cannot hang the observation: the 30
# seconds are counted by WaitForExit, not by a blocking read (Process.WaitForExit(Int32) and Stream.CopyToAsync,
# .NET API reference).
function Get-RawOutput([string]$file, [string]$arguments) {
  try {
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $file
    $info.Arguments = $arguments
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $buffer = New-Object System.IO.MemoryStream
    $copy = $process.StandardOutput.BaseStream.CopyToAsync($buffer)
    if (-not $process.WaitForExit(30000)) {
      try { $process.Kill() } catch { $null = $_ }
      return $null
    }
    if (-not $copy.Wait(5000)) { return $null }
    $null = $errors.Wait(5000)
    return [Convert]::ToBase64String($buffer.ToArray())
  } catch {
    return $null
  }
}

# A list of texts that stays a list in JSON: the comma keeps PowerShell from unrolling a one-item array.
function ConvertTo-Strings($values) {
  return ,@($values | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ })
}

# An enum property as its value map's name: names pass through, numbers are looked up; an unknown value is sent as
# printed, for wslnet to show.
function ConvertTo-EnumName($value, $names) {
  if ($null -eq $value) { return $null }
  $text = [string]$value
  $number = 0
  if ([int]::TryParse($text, [ref]$number) -and $names.ContainsKey($number)) { return $names[$number] }
  return $text
}

# Profiles, a bitmask (Any 0, Domain 0x1, Private 0x2, Public 0x4), as names: "Private, Public".
function ConvertTo-ProfileNames($value) {
  $text = [string]$value
  $mask = 0
  if (-not [int]::TryParse($text, [ref]$mask)) { return $text }
  if ($mask -eq 0) { return 'Any' }
  if (($mask -band -bnot 7) -ne 0) { return $text }
  $names = New-Object System.Collections.Generic.List[string]
  if ($mask -band 1) { $names.Add('Domain') }
  if ($mask -band 2) { $names.Add('Private') }
  if ($mask -band 4) { $names.Add('Public') }
  return ($names -join ', ')
}

# A name as a literal for the cmdlets' -Name and -Group, which take wildcards: a rule named web* must not match
# web1 (about_Wildcards: the backtick escapes * ? [ ] and itself). By hand, not WildcardPattern.Escape, which in
# Windows PowerShell 5.1 leaves the backtick itself unescaped (PowerShell/PowerShell#16306, fixed in 7.x only).
function ConvertTo-Literal([string]$name) {
  return $name -replace '([`*?\[\]])', '`$1'
}

# The task \wslnet\converge as Task Scheduler reports it, or $null. Read through Task Scheduler's COM API (Task
# Scheduler 2.0 scripting objects: TaskService.Connect and GetFolder, TaskFolder.GetTask, RegisteredTask), which answers
# at once, where Get-ScheduledTask first loads the ScheduledTasks module. GetFolder and GetTask throw when the folder or
# the task does not exist. Trigger types are TASK_TRIGGER_TYPE2 (0 event, 1 time, 9 logon); a run level of 1 is
# TASK_RUNLEVEL_HIGHEST; a task that never ran has a LastRunTime in 1899.
function Get-ConvergeTask {
  try {
    $service = New-Object -ComObject 'Schedule.Service'
    $service.Connect()
    $task = $service.GetFolder('\wslnet').GetTask('converge')
  } catch {
    return $null
  }
  $definition = $task.Definition
  $execute = ''
  $arguments = ''
  foreach ($action in $definition.Actions) {
    if ($action.Type -eq 0) {
      $execute = [string]$action.Path
      $arguments = [string]$action.Arguments
      break
    }
  }
  $triggers = New-Object System.Collections.Generic.List[object]
  foreach ($trigger in $definition.Triggers) {
    $type = 'other'
    $subscription = ''
    switch ([int]$trigger.Type) {
      0 { $type = 'event'; $subscription = [string]$trigger.Subscription }
      1 { $type = 'time' }
      9 { $type = 'logon' }
    }
    $repetition = ''
    if ($null -ne $trigger.Repetition) { $repetition = [string]$trigger.Repetition.Interval }
    $triggers.Add(@{ type = $type; enabled = [bool]$trigger.Enabled; repetition = $repetition; subscription = $subscription })
  }
  $lastRunTime = $null
  if ($task.LastRunTime.Year -gt 1900) { $lastRunTime = $task.LastRunTime.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') }
  $states = @{ 0 = 'Unknown'; 1 = 'Disabled'; 2 = 'Queued'; 3 = 'Ready'; 4 = 'Running' }
  $runLevel = 'Limited'
  if ([int]$definition.Principal.RunLevel -eq 1) { $runLevel = 'Highest' }
  return @{
    execute = $execute
    arguments = $arguments
    runLevel = $runLevel
    triggers = $triggers
    lastRunTime = $lastRunTime
    # LastTaskResult is a signed LONG: an HRESULT such as 0x80070002 arrives negative, so it is masked, not cast.
    lastTaskResult = ([int64]$task.LastTaskResult) -band 4294967295
    state = ConvertTo-EnumName $task.State $states
  }
}

# Everything wslnet manages on this host, as one document.
function Get-Observation($query) {
  $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
  $principal = New-Object Security.Principal.WindowsPrincipal($identity)
  $elevated = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)

  $wslconfigPath = Join-Path $userProfile '.wslconfig'
  $wslconfig = $null
  if (Test-Path -LiteralPath $wslconfigPath -PathType Leaf) {
    $wslconfig = [Convert]::ToBase64String([IO.File]::ReadAllBytes($wslconfigPath))
  }

  # Lists, not arrays: += copies a whole array in Windows PowerShell 5.1, which makes a loop quadratic.
  $portProxy = New-Object System.Collections.Generic.List[object]
  foreach ($type in 'v4tov4', 'v4tov6', 'v6tov4', 'v6tov6') {
    $key = 'HKLM:\SYSTEM\CurrentControlSet\Services\PortProxy\' + $type + '\tcp'
    if (Test-Path -LiteralPath $key) {
      $item = Get-Item -LiteralPath $key
      foreach ($name in $item.GetValueNames()) {
        $portProxy.Add(@{ type = $type; name = [string]$name; data = [string]$item.GetValue($name) })
      }
    }
  }

  $service = Get-Service -Name 'iphlpsvc' -ErrorAction SilentlyContinue
  $ipHelperRunning = ($null -ne $service) -and ([string]$service.Status -eq 'Running')

  $hostAddress = $null
  try {
    $address = Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop |
      Where-Object { $_.InterfaceAlias -like 'vEthernet (WSL*' } |
      Select-Object -First 1
    if ($address) { $hostAddress = [string]$address.IPAddress }
  } catch {
    $hostAddress = $null
  }

  $hyperVAvailable = $null -ne (Get-Command -Name 'New-NetFirewallHyperVRule' -ErrorAction SilentlyContinue)
  $hyperVSettings = $null
  $hyperVRules = New-Object System.Collections.Generic.List[object]
  if ($hyperVAvailable) {
    try {
      $setting = Get-NetFirewallHyperVVMSetting -PolicyStore ActiveStore -Name $vmCreator -ErrorAction Stop
      $hyperVSettings = @{
        enabled = ConvertTo-EnumName $setting.Enabled $settingSwitchNames
        defaultInboundAction = ConvertTo-EnumName $setting.DefaultInboundAction $settingActionNames
        defaultOutboundAction = ConvertTo-EnumName $setting.DefaultOutboundAction $settingActionNames
        loopbackEnabled = ConvertTo-EnumName $setting.LoopbackEnabled $settingSwitchNames
        allowHostPolicyMerge = ConvertTo-EnumName $setting.AllowHostPolicyMerge $settingSwitchNames
      }
    } catch {
      $hyperVSettings = $null
    }
    try {
      $wslRules = @(Get-NetFirewallHyperVRule -VMCreatorId $vmCreator -ErrorAction Stop)
    } catch {
      $wslRules = @()
    }
    foreach ($rule in $wslRules) {
      $hyperVRules.Add(@{
        name = [string]$rule.Name
        displayName = [string]$rule.DisplayName
        direction = ConvertTo-EnumName $rule.Direction $directionNames
        action = ConvertTo-EnumName $rule.Action $ruleActionNames
        protocol = [string]$rule.Protocol
        enabled = ConvertTo-EnumName $rule.Enabled $ruleEnabledNames
        profiles = ConvertTo-ProfileNames $rule.Profiles
        localPorts = ConvertTo-Strings $rule.LocalPorts
        remotePorts = ConvertTo-Strings $rule.RemotePorts
        localAddresses = ConvertTo-Strings $rule.LocalAddresses
        remoteAddresses = ConvertTo-Strings $rule.RemoteAddresses
      })
    }
  }

  $windowsRules = New-Object System.Collections.Generic.List[object]
  if ($query.group) {
    $group = [string]$query.group
    try {
      $rules = @(Get-NetFirewallRule -Group (ConvertTo-Literal $group) -ErrorAction Stop | Where-Object { $_.Group -eq $group })
    } catch {
      $rules = @()
    }
    # The filters of every rule, fetched once each and joined by InstanceID: one query per rule would not scale.
    $portFilters = @{}
    $addressFilters = @{}
    $applicationFilters = @{}
    $interfaceFilters = @{}
    if ($rules.Count -gt 0) {
      foreach ($filter in @(Get-NetFirewallPortFilter -All)) { $portFilters[[string]$filter.InstanceID] = $filter }
      foreach ($filter in @(Get-NetFirewallAddressFilter -All)) { $addressFilters[[string]$filter.InstanceID] = $filter }
      foreach ($filter in @(Get-NetFirewallApplicationFilter -All)) { $applicationFilters[[string]$filter.InstanceID] = $filter }
      foreach ($filter in @(Get-NetFirewallInterfaceFilter -All)) { $interfaceFilters[[string]$filter.InstanceID] = $filter }
    }
    foreach ($rule in $rules) {
      $id = [string]$rule.InstanceID
      $ports = $portFilters[$id]
      $addresses = $addressFilters[$id]
      $application = $applicationFilters[$id]
      $interface = $interfaceFilters[$id]
      $windowsRules.Add(@{
        name = [string]$rule.Name
        displayName = [string]$rule.DisplayName
        description = [string]$rule.Description
        direction = ConvertTo-EnumName $rule.Direction $directionNames
        action = ConvertTo-EnumName $rule.Action $ruleActionNames
        enabled = ConvertTo-EnumName $rule.Enabled $ruleEnabledNames
        profiles = ConvertTo-ProfileNames $rule.Profile
        protocol = [string]$ports.Protocol
        localPorts = ConvertTo-Strings $ports.LocalPort
        remotePorts = ConvertTo-Strings $ports.RemotePort
        localAddresses = ConvertTo-Strings $addresses.LocalAddress
        remoteAddresses = ConvertTo-Strings $addresses.RemoteAddress
        program = [string]$application.Program
        interfaceAliases = ConvertTo-Strings $interface.InterfaceAlias
      })
    }
  }

  $wslHostnameOutput = $null
  $wslNetworkingModeOutput = $null
  if ($query.wslQueries) {
    $wslHostnameOutput = Get-RawOutput 'wsl.exe' '-e hostname -I'
    $wslNetworkingModeOutput = Get-RawOutput 'wsl.exe' '-e wslinfo --networking-mode'
  }

  return @{
    osBuild = [Environment]::OSVersion.Version.Build
    elevated = $elevated
    userProfile = $userProfile
    wslconfig = $wslconfig
    wslVersionOutput = (Get-RawOutput 'wsl.exe' '--version')
    wslHostnameOutput = $wslHostnameOutput
    wslNetworkingModeOutput = $wslNetworkingModeOutput
    hostAddress = $hostAddress
    ipHelperRunning = $ipHelperRunning
    hyperVAvailable = $hyperVAvailable
    portProxy = $portProxy
    hyperVSettings = $hyperVSettings
    hyperVRules = $hyperVRules
    windowsRules = $windowsRules
    scheduledTask = (Get-ConvergeTask)
  }
}

# Runs the request's inner request in an elevated PowerShell (the UAC prompt) and prints its result as if it were this
# process's own. The elevated process starts with -EncodedCommand, like this one, so that no execution policy of Group
# Policy applies (about_Execution_Policies: policies govern script files, not commands), and gets the script, the
# request and who asked through a named pipe that this process serves: UAC cannot redirect standard input
# (Start-Process -Verb RunAs uses ShellExecute), a command line holds at most 32,767 characters, and files in the
# user's temporary folder are out of reach when UAC is approved with another administrator's credentials. That case is
# told apart in the elevated process, which refuses to touch another account's Windows.
function Invoke-Elevated($elevate) {
  $id = [Guid]::NewGuid().ToString('N')
  $me = [Security.Principal.WindowsIdentity]::GetCurrent()
  $security = New-Object System.IO.Pipes.PipeSecurity
  $security.AddAccessRule((New-Object System.IO.Pipes.PipeAccessRule($me.User, 'FullControl', 'Allow')))
  $administrators = New-Object Security.Principal.SecurityIdentifier([Security.Principal.WellKnownSidType]::BuiltinAdministratorsSid, $null)
  # Another administrator's elevated process must be able to connect, or its refusal never reaches the user. A client
  # opening InOut asks for GENERIC_READ | GENERIC_WRITE, and GENERIC_WRITE maps to FILE_GENERIC_WRITE, which holds
  # FILE_APPEND_DATA (CreateNewInstance on a pipe) and SYNCHRONIZE besides the rights of ReadWrite (PipeAccessRights
  # enumeration; File Security and Access Rights, Win32 docs).
  $security.AddAccessRule((New-Object System.IO.Pipes.PipeAccessRule($administrators, 'ReadWrite, CreateNewInstance, Synchronize', 'Allow')))
  $server = New-Object System.IO.Pipes.NamedPipeServerStream(('wslnet-' + $id), [System.IO.Pipes.PipeDirection]::InOut, 1,
    [System.IO.Pipes.PipeTransmissionMode]::Byte, [System.IO.Pipes.PipeOptions]::Asynchronous, 65536, 65536, $security)
  try {
    # The elevated bootstrap is constant text but for the pipe's name, a GUID this script made: no value from the
    # request or from Windows is ever part of it.
    $bootstrap = '$p = New-Object System.IO.Pipes.NamedPipeClientStream(''.'', ''wslnet-' + $id + ''', [System.IO.Pipes.PipeDirection]::InOut); ' +
      '$p.Connect(60000); $u = New-Object System.Text.UTF8Encoding($false); ' +
      '$r = New-Object System.IO.StreamReader($p, $u); $w = New-Object System.IO.StreamWriter($p, $u); $w.AutoFlush = $true; ' +
      '$s = $r.ReadLine(); $q = $r.ReadLine(); $e = $r.ReadLine(); ' +
      '& ([ScriptBlock]::Create($u.GetString([Convert]::FromBase64String($s)))) -Request $q -Expected $e -ResultWriter $w; ' +
      '$p.Dispose()'
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($bootstrap))
    $process = Start-Process -FilePath 'powershell.exe' -Verb RunAs -PassThru -WindowStyle Hidden `
      -ArgumentList @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', $encoded)
    $connected = $server.BeginWaitForConnection($null, $null)
    $deadline = [DateTime]::UtcNow.AddMinutes(4)
    while (-not $connected.AsyncWaitHandle.WaitOne(500)) {
      $exited = $false
      try { $exited = $process.HasExited } catch { $exited = $false }
      if ($exited) { throw 'The elevated PowerShell ended before it took the request.' }
      if ([DateTime]::UtcNow -gt $deadline) { throw 'The elevated PowerShell did not take the request within 4 minutes.' }
    }
    $server.EndWaitForConnection($connected)
    $utf8 = New-Object System.Text.UTF8Encoding($false)
    $writer = New-Object System.IO.StreamWriter($server, $utf8)
    $writer.AutoFlush = $true
    $reader = New-Object System.IO.StreamReader($server, $utf8)
    $writer.WriteLine([string]$elevate.script)
    $writer.WriteLine([string]$elevate.request)
    $asker = ConvertTo-Json -Compress -InputObject @{ user = $me.User.Value; name = $me.Name; userProfile = [string]$env:USERPROFILE }
    $writer.WriteLine([Convert]::ToBase64String($utf8.GetBytes($asker)))
    $line = $reader.ReadLine()
    if (-not $line) { throw 'The elevated PowerShell returned no result.' }
    [Console]::Out.WriteLine($line)
  } finally {
    $server.Dispose()
  }
}

function Assert-PortProxyType([string]$type) {
  if ($portProxyTypes -notcontains $type) { throw ('unknown portproxy type: ' + $type) }
}

# Runs a native program and throws its own output when it fails. Windows PowerShell turns redirected stderr lines
# into errors under 'Stop', so the exit code alone decides here.
function Invoke-Native([string]$file, [string[]]$arguments) {
  $ErrorActionPreference = 'Continue'
  $output = & $file @arguments 2>&1 | Out-String
  if ($LASTEXITCODE -ne 0) { throw $output.Trim() }
}

function Invoke-Netsh([string[]]$arguments) {
  Invoke-Native 'netsh.exe' $arguments
}

function Test-PortProxy($operation) {
  $key = 'HKLM:\SYSTEM\CurrentControlSet\Services\PortProxy\' + [string]$operation.type + '\tcp'
  if (-not (Test-Path -LiteralPath $key)) { return $false }
  $name = [string]$operation.listenAddress + '/' + [string]$operation.listenPort
  return $null -ne (Get-Item -LiteralPath $key).GetValue($name)
}

function Set-PortProxy($operation) {
  Assert-PortProxyType ([string]$operation.type)
  $arguments = @('interface', 'portproxy', 'set', [string]$operation.type,
    ('listenport=' + [int]$operation.listenPort),
    ('connectaddress=' + [string]$operation.connectAddress),
    ('connectport=' + [int]$operation.connectPort))
  if ([string]$operation.listenAddress -ne '*') { $arguments += ('listenaddress=' + [string]$operation.listenAddress) }
  Invoke-Netsh $arguments
}

function Remove-PortProxy($operation) {
  Assert-PortProxyType ([string]$operation.type)
  if (-not (Test-PortProxy $operation)) { return }
  # The port as text: a number, or the service name of a value that wslnet could not read (netsh takes either).
  $arguments = @('interface', 'portproxy', 'delete', [string]$operation.type, ('listenport=' + [string]$operation.listenPort))
  if ([string]$operation.listenAddress -ne '*') { $arguments += ('listenaddress=' + [string]$operation.listenAddress) }
  Invoke-Netsh $arguments
}

function ConvertTo-TrueFalse($value) {
  if ($value) { return 'True' }
  return 'False'
}

function Set-HyperVSettings($operation) {
  $parameters = @{ Name = $vmCreator }
  foreach ($property in $operation.settings.PSObject.Properties) {
    switch ($property.Name) {
      'enabled' { $parameters['Enabled'] = ConvertTo-TrueFalse $property.Value }
      'loopbackEnabled' { $parameters['LoopbackEnabled'] = ConvertTo-TrueFalse $property.Value }
      'allowHostPolicyMerge' { $parameters['AllowHostPolicyMerge'] = ConvertTo-TrueFalse $property.Value }
      'defaultInboundAction' { $parameters['DefaultInboundAction'] = [string]$property.Value }
      'defaultOutboundAction' { $parameters['DefaultOutboundAction'] = [string]$property.Value }
      default { throw ('unknown Hyper-V setting: ' + $property.Name) }
    }
  }
  # Set- needs a setting that exists for the VM creator; when none does, the cmdlet's reference says to use New-
  # (Set-NetFirewallHyperVVMSetting, learn.microsoft.com/powershell/module/netsecurity). Get- without -PolicyStore
  # reads the persistent store, where Set- and New- write.
  $existing = $null
  try {
    $existing = Get-NetFirewallHyperVVMSetting -Name $vmCreator -ErrorAction Stop
  } catch {
    $existing = $null
  }
  if ($null -ne $existing) { Set-NetFirewallHyperVVMSetting @parameters } else { $null = New-NetFirewallHyperVVMSetting @parameters }
}

# The cmdlet parameters of a rule's declared fields. Hyper-V rules name list parameters in the plural
# (-LocalPorts), Windows rules in the singular (-LocalPort); Set-* renames with -NewDisplayName.
function Get-RuleParameters($fields, [bool]$hyperV, [bool]$existing) {
  $parameters = @{}
  foreach ($property in $fields.PSObject.Properties) {
    $value = $property.Value
    switch ($property.Name) {
      'displayName' { if ($existing) { $parameters['NewDisplayName'] = [string]$value } else { $parameters['DisplayName'] = [string]$value } }
      'description' { $parameters['Description'] = [string]$value }
      'enabled' { $parameters['Enabled'] = ConvertTo-TrueFalse $value }
      'direction' { $parameters['Direction'] = [string]$value }
      'action' { $parameters['Action'] = [string]$value }
      'protocol' { $parameters['Protocol'] = [string]$value }
      'profiles' { if ($hyperV) { $parameters['Profiles'] = (@($value) -join ',') } else { $parameters['Profile'] = (@($value) -join ',') } }
      'localPorts' { if ($hyperV) { $parameters['LocalPorts'] = [string[]]@($value) } else { $parameters['LocalPort'] = [string[]]@($value) } }
      'remotePorts' { if ($hyperV) { $parameters['RemotePorts'] = [string[]]@($value) } else { $parameters['RemotePort'] = [string[]]@($value) } }
      'localAddresses' { if ($hyperV) { $parameters['LocalAddresses'] = [string[]]@($value) } else { $parameters['LocalAddress'] = [string[]]@($value) } }
      'remoteAddresses' { if ($hyperV) { $parameters['RemoteAddresses'] = [string[]]@($value) } else { $parameters['RemoteAddress'] = [string[]]@($value) } }
      'program' { $parameters['Program'] = [string]$value }
      'interfaceAliases' { $parameters['InterfaceAlias'] = [string[]]@($value) }
      default { throw ('unknown rule field: ' + $property.Name) }
    }
  }
  return $parameters
}

# The Hyper-V rule with exactly this name (names are unique in a policy store: New-NetFirewallHyperVRule, -Name), or
# $null. A rule of another VM creator is refused, as a Windows rule outside the group is: wslnet owns WSL's rules only.
function Get-HyperVRule([string]$name) {
  try {
    $rules = @(Get-NetFirewallHyperVRule -Name (ConvertTo-Literal $name) -ErrorAction Stop)
  } catch {
    return $null
  }
  if ($rules.Count -ne 1) { return $null }
  $rule = $rules[0]
  if ([string]$rule.VMCreatorId -ne $vmCreator) {
    throw ('a Hyper-V rule named ' + $name + ' belongs to the VM creator ' + [string]$rule.VMCreatorId + ', not to WSL''s; wslnet does not touch it')
  }
  return $rule
}

function Set-HyperVRule($operation) {
  $name = [string]$operation.rule.name
  $existing = Get-HyperVRule $name
  $parameters = Get-RuleParameters $operation.rule.fields $true ($null -ne $existing)
  if ($null -ne $existing) {
    if ($parameters.Count -gt 0) { $existing | Set-NetFirewallHyperVRule @parameters }
    return
  }
  if (-not $parameters.ContainsKey('DisplayName')) { $parameters['DisplayName'] = $name }
  $null = New-NetFirewallHyperVRule -Name $name -VMCreatorId $vmCreator @parameters
}

function Remove-HyperVRule($operation) {
  $existing = Get-HyperVRule ([string]$operation.name)
  if ($null -ne $existing) { $existing | Remove-NetFirewallHyperVRule }
}

# The Windows rule with exactly this name, or $null.
function Get-WindowsRule([string]$name) {
  try {
    $rules = @(Get-NetFirewallRule -Name (ConvertTo-Literal $name) -ErrorAction Stop)
  } catch {
    return $null
  }
  if ($rules.Count -ne 1) { return $null }
  return $rules[0]
}

function Set-WindowsRule($operation) {
  $name = [string]$operation.rule.name
  $group = [string]$operation.group
  $existing = Get-WindowsRule $name
  if ($null -ne $existing -and [string]$existing.Group -ne $group) {
    throw ('a rule named ' + $name + ' exists outside the group ' + $group + '; wslnet does not touch it')
  }
  $parameters = Get-RuleParameters $operation.rule.fields $false ($null -ne $existing)
  if ($null -ne $existing) {
    if ($parameters.Count -gt 0) { $existing | Set-NetFirewallRule @parameters }
    return
  }
  if (-not $parameters.ContainsKey('DisplayName')) { $parameters['DisplayName'] = $name }
  $null = New-NetFirewallRule -Name $name -Group $group @parameters
}

function Remove-WindowsRule($operation) {
  $existing = Get-WindowsRule ([string]$operation.name)
  if ($null -ne $existing -and [string]$existing.Group -eq [string]$operation.group) {
    $existing | Remove-NetFirewallRule
  }
}

# The event that marks the WSL VM's start: its network adapter connecting to WSL's virtual switch (System log,
# Microsoft-Windows-Hyper-V-VmSwitch, event 232; see README, Keep it converged). Constant text, no value in it.
$vmStartSubscription = '<QueryList><Query Id="0" Path="System"><Select Path="System">' +
  '*[System[Provider[@Name=''Microsoft-Windows-Hyper-V-VmSwitch''] and EventID=232]]</Select></Query></QueryList>'

# Registers \wslnet\converge for the user whose Windows this is, replacing it if it exists: the launcher and its
# arguments as given (one command line that wslnet built from a list; -Argument takes it as it is), run with highest
# privileges at logon, at the WSL VM's start, and every so many minutes (New-ScheduledTaskAction,
# New-ScheduledTaskTrigger, New-ScheduledTaskPrincipal, Register-ScheduledTask; an event trigger has no cmdlet, so it is
# an MSFT_TaskEventTrigger instance made on the client, as the ScheduledTasks module's own objects are CIM instances).
function Register-ConvergeTask($operation) {
  $user = $taskUser
  $action = New-ScheduledTaskAction -Execute ([string]$operation.execute) -Argument ([string]$operation.arguments)
  $atLogon = New-ScheduledTaskTrigger -AtLogOn -User $user
  # Without -RepetitionDuration the repetition has no duration, which Task Scheduler repeats indefinitely
  # (RepetitionPattern.Duration, Task Scheduler 2.0 scripting objects).
  $every = New-ScheduledTaskTrigger -Once -At (Get-Date) -RepetitionInterval (New-TimeSpan -Minutes ([int]$operation.everyMinutes))
  $eventClass = Get-CimClass -Namespace 'Root/Microsoft/Windows/TaskScheduler' -ClassName 'MSFT_TaskEventTrigger'
  $atVmStart = New-CimInstance -CimClass $eventClass -ClientOnly
  $atVmStart.Enabled = $true
  $atVmStart.Subscription = $vmStartSubscription
  # The VM gets its address a few seconds after its adapter connects.
  $atVmStart.Delay = 'PT10S'
  $principal = New-ScheduledTaskPrincipal -UserId $user -LogonType Interactive -RunLevel Highest
  $settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable `
    -MultipleInstances IgnoreNew -ExecutionTimeLimit (New-TimeSpan -Minutes 10)
  $null = Register-ScheduledTask -TaskPath '\wslnet\' -TaskName 'converge' -Action $action `
    -Trigger @($atLogon, $atVmStart, $every) -Principal $principal -Settings $settings -Force
}

function Unregister-ConvergeTask {
  if ($null -eq (Get-ConvergeTask)) { return }
  Unregister-ScheduledTask -TaskPath '\wslnet\' -TaskName 'converge' -Confirm:$false
}

# Starts the task and returns at once: Task Scheduler runs it in its own process (Start-ScheduledTask).
function Start-ConvergeTask {
  if ($null -eq (Get-ConvergeTask)) {
    throw 'the scheduled task \wslnet\converge does not exist: run wslnet schedule install'
  }
  Start-ScheduledTask -TaskPath '\wslnet\' -TaskName 'converge'
}

function Stop-Wsl {
  # wsl.exe writes UTF-16 to a pipe unless WSL_UTF8 is 1, which makes a failure's message unreadable once PowerShell
  # decodes it as the console's code page (WSL's source: src/windows/common/WslClient.cpp, Main, reads WSL_UTF8).
  $env:WSL_UTF8 = '1'
  Invoke-Native 'wsl.exe' @('--shutdown')
}

# Not $request: variable names ignore case, so that would be the [string] parameter $Request, and the parsed
# request would be turned back into text (about_Variables; about_Functions_Advanced_Parameters, typed parameters).
$parsedRequest = Read-Request
$userProfile = [string]$env:USERPROFILE
# The account whose Windows this is, which a scheduled task runs as.
$taskUser = [Security.Principal.WindowsIdentity]::GetCurrent().Name
if ($Expected) {
  # The elevated process of --elevate: it acts for the user who asked, on that user's profile, or not at all.
  $askedBy = ConvertFrom-Json -InputObject ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Expected)))
  $current = [Security.Principal.WindowsIdentity]::GetCurrent()
  if ($current.User.Value -ne [string]$askedBy.user) {
    Write-Result @{ refused = ('UAC was approved with the account ' + $current.Name + ', not with ' + [string]$askedBy.name +
      ', whose Windows wslnet manages; nothing was changed. Run wslnet from a terminal that ' + [string]$askedBy.name +
      ' started as administrator, or make that account an administrator') }
    return
  }
  $userProfile = [string]$askedBy.userProfile
}
if ([string]$parsedRequest.mode -eq 'observe') {
  Write-Result (Get-Observation $parsedRequest)
  return
}
if ($null -ne $parsedRequest.elevate) {
  Invoke-Elevated $parsedRequest.elevate
  return
}

$results = New-Object System.Collections.Generic.List[object]
foreach ($operation in @($parsedRequest.operations)) {
  try {
    switch ([string]$operation.kind) {
      'portProxy.set' { Set-PortProxy $operation }
      'portProxy.delete' { Remove-PortProxy $operation }
      'hyperVSettings.set' { Set-HyperVSettings $operation }
      'hyperVRule.ensure' { Set-HyperVRule $operation }
      'hyperVRule.remove' { Remove-HyperVRule $operation }
      'firewallRule.ensure' { Set-WindowsRule $operation }
      'firewallRule.remove' { Remove-WindowsRule $operation }
      'wsl.shutdown' { Stop-Wsl }
      'scheduledTask.register' { Register-ConvergeTask $operation }
      'scheduledTask.unregister' { Unregister-ConvergeTask }
      'scheduledTask.start' { Start-ConvergeTask }
      default { throw ('unknown operation: ' + [string]$operation.kind) }
    }
    $results.Add(@{ ok = $true })
  } catch {
    $results.Add(@{ ok = $false; error = [string]$_.Exception.Message })
  }
}
Write-Result @{ results = $results; observation = (Get-Observation $parsedRequest) }
