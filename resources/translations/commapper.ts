<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AliasGroupDialog</name>
    <message>
        <source>New Alias Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Open data circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. ODC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also spelt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AliasesPage</name>
    <message>
        <source>Spellings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Spelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spellings in one group are one node in the room map, shown with the group&apos;s name. Saved in {file} in the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}, accepted match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New alias group {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alias {spelling} for {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove alias {spelling} of {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove alias group {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another spelling of {label}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>Personal breadth and brokerage need a &quot;me&quot; node: add one to see how far your own participation reaches. The figures below are for the whole map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count every membership, or leave out transactional ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breadth: how far my participation reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage: where I carry practice across boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities with no connection in the community network C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articulation points of the map without me: cut one, it splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding it together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings (click one to show it on the map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size by betweenness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark top brokers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark silos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark what holds the map together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show open pairs only I bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour nodes by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the map as of a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: every membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>select a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my participation level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}: memberships held that year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributesField</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attribute {number}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Autosave failed ({reason}); your changes are not yet safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreadthChart</name>
    <message>
        <source>communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each participant&apos;s breadth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrokerChart</name>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top brokers (betweenness)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CanvasLegend</name>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what the colours and shapes of the map mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rings: my level of participation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CanvasOverlays</name>
    <message>
        <source>ring: top brokers (betweenness)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: silos: nothing (but me) connects them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ring: cut points: the map falls apart without them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pair: only you connect these two communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sector: {sector}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my level: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not one of my communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size: betweenness (bigger brokers more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dashed line: open pair only I bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faded: what would drop away without the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>faded lines: memberships not held in {year}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a colour of its own, an item takes the colour of its kind or sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a colour…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectPicker</name>
    <message>
        <source>Connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the node to connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes that can be connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect {label} to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} — {kind}, already connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} — {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more — keep typing to narrow the list</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No node by that name can be connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter connects, Escape closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} and {target} are already connected: that connection is selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected {source} to {target}. Press C to connect {source} to another.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Use YYYY, YYYY-MM or YYYY-MM-DD (a real date), or leave empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Community I Belong To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a community beside me, with my membership in it, in one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click one node, then the other, or drag from one to the other, to connect them (Shift+drag works in any mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect To…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect the selected node to another, picked by name (or press C on the map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selection in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected node in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me in the centre, communities on rings by my level and in wedges by sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-Directed Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spread the map out by its connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layouts leave pinned nodes where they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &quot;me&quot; first: the community is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a community I belong to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This map already has a &quot;me&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Mode: click one node, then the other. Ctrl+E turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Select just one node to connect it: %n are selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Select one node to connect it to another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on the map can be connected to {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no map items to paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot paste: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cut {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cut %n items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Add Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a community in the middle of the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Community Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a person in the middle of the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Person Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Boundary Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a boundary object in the middle of the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Boundary Object Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &quot;me&quot; in the middle of the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Me Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add me</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pin %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unpin %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong inside {app}. Your map is still open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your work under a new name to be safe. If this happens again, please send the details to the {app} team. They are also in the log:
{log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Details and Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraphML: Gephi, yEd, Cytoscape (*.graphml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GEXF: Gephi (*.gexf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: a nodes file and an edges file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kumu JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the map as a picture or for another tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the printed page first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF report: the map, its figures and charts, and what stands out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a GraphML, GEXF, CSV or Kumu file as a new map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;hare a Copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy to share: whole, with pseudonyms for people, or without people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphs of other tools (*.graphml *.gexf *.csv *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (pseudonymised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (communities only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commapper maps (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot share a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy is saved as {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key that turns the pseudonyms back into names is {key}. Keep it to yourself: do not send it with the copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>As the canvas shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light, for print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector: black on white, thick lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector, dark: white on black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything in the map, as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonymised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People get stable pseudonyms and lose their notes and custom fields; a key to undo it is saved beside the copy, for you alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No people at all: the communities, boundary objects and crossings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>(several values)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inside organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members only (no transactional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}  (Blau {blau})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{inside} / {outside}  (share outside {share})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{liaison} liaison, {gatekeeper} repr./gatek., {itinerant} itinerant, {coordinator} coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}  ({by_level})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The communities of practice you take part in, by how central you are in each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|M|: your memberships under the level filter, counted by level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many different domains of knowledge your communities are about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distinct non-empty domains over M; Blau = 1 − Σ p_k²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many walks of life (work, civic, family…) your participation spans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>distinct non-empty sectors over M; Blau = 1 − Σ p_k²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside / outside my organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether your learning crosses the boundary of your own organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share outside = E/(E+I); E-I = (E−I)/(E+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities within two steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your communities and those they connect to: the landscape you can reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>|M ∪ N(M)| in C without {me}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People within reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who share a community with you, plus your personal ties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>actors sharing a community with me, plus tie partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of your communities are not already connected to each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burt: ES = Σ_j [1 − Σ_q p_iq m_jq] on your community graph EG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of your communities that each bring something the others do not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>efficiency = ES / degree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low when you span boundaries; high when your communities all overlap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burt: C = Σ_j (p_ij + Σ_q p_iq p_qj)²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open pairs only I bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pairs of your communities that nothing but you connects: where you broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pairs of my communities not adjacent in C without {me}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How you carry practice across boundaries (Gould and Fernandez), inside vs outside your organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open two-step paths i–me–k; roles by the groups of i, me and k (partition inside_org)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>{figure}: {formula}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>Commapper maps (*{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Map As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is read-only. Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes and reload {file}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reload the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to {file} before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was moved or deleted by another program; save to keep this map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was changed by another program. Reload it and lose your unsaved changes, or keep editing (saving will replace the other version)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was changed by another program. Reload it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inside my org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le&amp;vel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;nce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;eans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;ia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di&amp;rected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attri&amp;butes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is selected. Select a community, person, boundary object or connection on the map or in the table to see and edit its details here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was &amp;learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from source to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. document, standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tie has a direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n me nodes selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n communities selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n boundary objects selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n memberships selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n crossings selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object uses selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ties selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Change what was learned across {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {field} of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n me nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n communities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n boundary objects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n memberships</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n crossings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n object uses</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n ties</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change {field} of %n items</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemTableModel</name>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {field} of {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column}: &quot;{text}&quot; is not one of {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column}: &quot;{text}&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{column} must be a finite number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crossing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crossings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapeGuides</name>
    <message>
        <source>no sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape &amp;Guides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faint rings for my levels of participation, and wedges for sectors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutRunner</name>
    <message>
        <source>The layout stopped: the process working it out ended. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the landscape layout of {count} nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working out the force-directed layout of {count} nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can go on editing: nodes you move meanwhile stay where you put them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <source>core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occasional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peripheral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transactional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the map full screen for a room, on the other screen if there is one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}[*] — {app}</source>
        <comment>keep [*]: Qt shows the unsaved mark there</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n communities</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n boundary objects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connections</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{app} {version}

Map the communities of practice you take part in and see your breadth and brokerage (after Etienne Wenger, 2000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk the nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selection (Shift: further)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect two nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space+drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a community / rename a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Down / Page Up: next / previous view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a node: spotlight; N: names; D: dark; Esc: leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapLayouts</name>
    <message>
        <source>The map is already laid out that way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-directed layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapOpening</name>
    <message>
        <source>Preparing the window…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now click the node to connect {label} to (Esc cancels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n nodes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{first} and {second} are not joined directly: connect both to a community instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect {source} to {target}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapSession</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty map. Start with yourself: Ctrl+4 adds “me”.

Double-click anywhere to add a community (or Ctrl+1). Ctrl+2 adds a person and Ctrl+3 a boundary object.

Shift-drag from one node to another to connect them, or select a node and press C to pick the other by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map. Tab walks the nodes, arrows move them, F2 renames, C connects the selected node to another, Delete deletes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename to &apos;{label}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchesPage</name>
    <message>
        <source>May be one thing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept: Same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the two into one node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject: Different</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the two apart and stop suggesting them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest the two again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels that look alike but are spelt differently; never merged until you accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}: “{first}” ({n1} people) and “{second}” ({n2} people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestions: every spelling is settled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>different</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Means</name>
    <message>
        <source>broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>practice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mode</name>
    <message>
        <source>engagement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imagination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alignment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModesField</name>
    <message>
        <source>Mode {mode}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the folder again and bring the map up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>merged, %n note(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left out: a room map, not a participant&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) merged from the folder {folder}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and are left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No maps in the folder {folder} yet: each participant&apos;s .commap file saved there joins the room map within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PictureOptionsDialog</name>
    <message>
        <source>Export Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide people&apos;s names (as Participant 1, 2…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dpi} dots an inch when printed at the canvas&apos;s size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Participant {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N: show names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N: hide names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Down: next view · click: spotlight · {names} · Esc: leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which screen shows the presentation?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <source>Presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The map as the room sees it. Page Down and Page Up step through the saved views; click a node to light it and its neighbours; N hides or shows names; Escape leaves.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>No recent maps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryEntry</name>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryOffer</name>
    <message>
        <source>An autosaved copy of {map} is damaged and cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} did not close properly. Recover the unsaved changes to {map} (autosaved {written})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Me Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autosaved map could not be recovered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryStore</name>
    <message>
        <source>the recovery lock {path} is held by another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the autosaved map cannot be read: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the autosaved map cannot be read ({error})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the notes saved with this map are unreadable; it came from an unknown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the notes saved with this map are not Commapper&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Untitled map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} · page {page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A map of communities of practice, reported by {app} on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breadth: how far my participation reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures are about {me} and count every membership, transactional ones too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage: where I carry practice across boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Burt&apos;s measures on the communities of {me}, and the Gould and Fernandez roles with the organisation&apos;s boundary as the groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This map has no &quot;me&quot; node, so it has no personal breadth and brokerage figures: they measure the mapper&apos;s own participation. The top brokers and the findings below are for the whole map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top brokers (betweenness on the whole map)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a node lies on the shortest paths between two others, from 0 (never) to 1 (on every one); the nodes that hold the landscape together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node lies between two others: nothing brokers on this map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boundary object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis found nothing that stands out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities with no connection to any other once I am left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities with no connection to any other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holding it together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes whose removal cuts the map apart, once I am left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes whose removal cuts the map apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room: {n} participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room: 1 participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a room map, merged from the participants&apos; own maps. People&apos;s names are hidden: everyone is Person 1, 2… as in a pseudonymised copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a room map, merged from the participants&apos; own maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities most shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>named by / members among the participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each is the one link in the room between these communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No participant is the only bridge between two communities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silos: communities nothing in the room links to the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No silos: every community is linked to the rest of the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>belonging: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities spanned together (participants in both)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each participant&apos;s breadth, broadest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>participant|communities|domains|sectors|within two steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>References</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures and how they are worked out are described in Commapper&apos;s documentation, “What the analysis tells you” (docs/analysis.md).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesChart</name>
    <message>
        <source>liaison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>representative / gatekeeper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>itinerant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage roles: {whose}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomActions</name>
    <message>
        <source>New Roo&amp;m Map from Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the participants&apos; maps in a folder into one, and follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder of the Participants&apos; Maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the folder {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for participants&apos; maps in {folder}.

Each participant&apos;s .commap file saved there joins the room map within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomAnalysisView</name>
    <message>
        <source>Communities most shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many participants drew it in their maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many participants belong to it on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only bridges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants spanning each pair of communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s), {communities} communities on the room map.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{who} alone links {pairs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> (and %n more pairs)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more participants</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No participant is the only bridge between two communities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{communities} (belonging: {who})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities that nothing in the room links to the rest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No silos: every community is linked to the rest of the room.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{community}: {n} participant members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} participants in both {first} and {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many participants belong to both communities of a pair; on the diagonal, how many belong to each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n most shared communities.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomMap</name>
    <message>
        <source>Room: {file} changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room: {n} files changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room: merged again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept match {first} = {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject match {first} ≠ {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo match decision {first} / {second}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be written ({error})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomPanel</name>
    <message>
        <source>Who named the selected node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a node to see who in the room named it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: on no participant&apos;s map (added here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{label}: named by %n people</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoomReview</name>
    <message>
        <source>any kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boundary object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>View {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add view {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename view {old} to {new}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move view {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete view {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectorLevelChart</name>
    <message>
        <source>(no sector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My communities by sector and level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share a Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the copy hold?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>potential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coalescing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispersed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memorable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Show &amp;kind:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePanel</name>
    <message>
        <source>All nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show nodes of kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show edges of kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to show only rows containing this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edges</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewsPanel</name>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundary objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views are the steps of a presentation (F5): what is on screen, which nodes show, which are highlighted. Double-click a view to rename it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new view of what the canvas shows now: where it looks, the overlays, and the selected nodes highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update from Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present from Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the Selected Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All nodes of those kinds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chosen node(s) of those kinds.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n highlighted.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Update view {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show kinds in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only selected nodes in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all nodes in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight in view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the communities of practice you take part in, the people and boundary objects that connect them, and the crossings between them. Then see your breadth and who or what brokers between your communities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent maps yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <source>Where would I be without this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silos connected to nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities, transactional left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sector diversity (Blau)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share outside my organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>communities within two steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people within reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>effective size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open pairs only I bridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silos only I connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without {label}: working it out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without {label}: faded on the map is what would drop away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every headline figure without this node, and fade what drops away</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
