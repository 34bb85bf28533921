# wslnet: carry out a list of idempotent operations on this Windows host, in one process.
# Input: base64 of a UTF-8 JSON request, as -Request (what wslnet's bootstrap passes), -RequestPath, or on stdin:
# {"operations": [...]}; or, to run them elevated, {"elevate": {"script": base64 of this script, "request": base64
# of the request to run elevated}}.
# Output: one line "WSLNET-RESULT:" + base64 of {"results": [{"ok": true} | {"ok": false, "error": "..."}]},
# one result per operation, in order. Values are only ever data here: nothing from the request becomes script text.
param([string]$Request, [string]$RequestPath, [string]$ResultPath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$vmCreator = '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'
$portProxyTypes = @('v4tov4', 'v4tov6', 'v6tov4', 'v6tov6')

function Read-Request {
  if ($Request) { $encoded = $Request }
  elseif ($RequestPath) { $encoded = [IO.File]::ReadAllText($RequestPath) }
  else { $encoded = [Console]::In.ReadToEnd() }
  $json = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded.Trim()))
  return ConvertFrom-Json -InputObject $json
}

function Write-Result($value) {
  $json = ConvertTo-Json -InputObject $value -Depth 8 -Compress
  $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json))
  if ($ResultPath) { [IO.File]::WriteAllText($ResultPath, $encoded) } else { [Console]::Out.WriteLine('WSLNET-RESULT:' + $encoded) }
}

# A file in the user's temporary folder that only the user can read.
function New-PrivateFile([string]$path) {
  [IO.File]::WriteAllText($path, '')
  $acl = New-Object System.Security.AccessControl.FileSecurity
  $acl.SetAccessRuleProtection($true, $false)
  $user = [Security.Principal.WindowsIdentity]::GetCurrent().User
  $rule = New-Object System.Security.AccessControl.FileSystemAccessRule($user, 'FullControl', 'Allow')
  $acl.AddAccessRule($rule)
  Set-Acl -LiteralPath $path -AclObject $acl
}

# Runs the request's inner request in an elevated PowerShell (the UAC prompt), passing operations and results
# through private files, and prints its result as if it were this process's own.
function Invoke-Elevated($elevate) {
  $directory = [IO.Path]::GetTempPath()
  $id = [Guid]::NewGuid().ToString('N')
  $scriptPath = Join-Path $directory ('wslnet-' + $id + '.ps1')
  $requestFile = Join-Path $directory ('wslnet-' + $id + '.request')
  $resultFile = Join-Path $directory ('wslnet-' + $id + '.result')
  try {
    foreach ($path in $scriptPath, $requestFile, $resultFile) { New-PrivateFile $path }
    [IO.File]::WriteAllBytes($scriptPath, [Convert]::FromBase64String([string]$elevate.script))
    [IO.File]::WriteAllText($requestFile, [string]$elevate.request)
    $arguments = @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass',
      '-File', ('"' + $scriptPath + '"'), '-RequestPath', ('"' + $requestFile + '"'), '-ResultPath', ('"' + $resultFile + '"'))
    Start-Process -FilePath 'powershell.exe' -Verb RunAs -Wait -WindowStyle Hidden -ArgumentList $arguments
    $encoded = [IO.File]::ReadAllText($resultFile)
    if (-not $encoded) { throw 'The elevated process returned no result.' }
    [Console]::Out.WriteLine('WSLNET-RESULT:' + $encoded.Trim())
  } finally {
    foreach ($path in $scriptPath, $requestFile, $resultFile) {
      Remove-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
    }
  }
}

function Assert-PortProxyType([string]$type) {
  if ($portProxyTypes -notcontains $type) { throw ('unknown portproxy type: ' + $type) }
}

function Invoke-Netsh([string[]]$arguments) {
  $output = & netsh.exe @arguments 2>&1 | Out-String
  if ($LASTEXITCODE -ne 0) { throw $output.Trim() }
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
  $arguments = @('interface', 'portproxy', 'delete', [string]$operation.type, ('listenport=' + [int]$operation.listenPort))
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
  Set-NetFirewallHyperVVMSetting @parameters
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

function Get-HyperVRule([string]$name) {
  try {
    return Get-NetFirewallHyperVRule -Name $name -ErrorAction Stop
  } catch {
    return $null
  }
}

function Set-HyperVRule($operation) {
  $name = [string]$operation.rule.name
  $existing = Get-HyperVRule $name
  $parameters = Get-RuleParameters $operation.rule.fields $true ($null -ne $existing)
  if ($null -ne $existing) {
    if ($parameters.Count -gt 0) { Set-NetFirewallHyperVRule -Name $name @parameters }
    return
  }
  if (-not $parameters.ContainsKey('DisplayName')) { $parameters['DisplayName'] = $name }
  $null = New-NetFirewallHyperVRule -Name $name -VMCreatorId $vmCreator @parameters
}

function Remove-HyperVRule($operation) {
  $name = [string]$operation.name
  if ($null -ne (Get-HyperVRule $name)) { Remove-NetFirewallHyperVRule -Name $name }
}

function Get-WindowsRule([string]$name) {
  try {
    return Get-NetFirewallRule -Name $name -ErrorAction Stop
  } catch {
    return $null
  }
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
    if ($parameters.Count -gt 0) { Set-NetFirewallRule -Name $name @parameters }
    return
  }
  if (-not $parameters.ContainsKey('DisplayName')) { $parameters['DisplayName'] = $name }
  $null = New-NetFirewallRule -Name $name -Group $group @parameters
}

function Remove-WindowsRule($operation) {
  $existing = Get-WindowsRule ([string]$operation.name)
  if ($null -ne $existing -and [string]$existing.Group -eq [string]$operation.group) {
    Remove-NetFirewallRule -Name ([string]$operation.name)
  }
}

function Stop-Wsl {
  $output = & wsl.exe --shutdown 2>&1 | Out-String
  if ($LASTEXITCODE -ne 0) { throw $output.Trim() }
}

$request = Read-Request
if ($null -ne $request.elevate) {
  Invoke-Elevated $request.elevate
  return
}

$results = @()
foreach ($operation in @($request.operations)) {
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
      default { throw ('unknown operation: ' + [string]$operation.kind) }
    }
    $results += @{ ok = $true }
  } catch {
    $results += @{ ok = $false; error = [string]$_.Exception.Message }
  }
}
Write-Result @{ results = $results }
