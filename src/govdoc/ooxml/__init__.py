"""The OOXML layer: how govdoc reads and writes WordprocessingML, each thing once.

- :mod:`.package`: the safe reader of packages from outside (zip limits, XML parser
  settings, relationships) and the fixed-date zip writer;
- :mod:`.properties`: the schema order of property elements and the ordered writers of
  paragraph and run properties (template builder and renderer alike);
- :mod:`.stylesheet`: a document's styles by id and their ``basedOn`` chains;
- :mod:`.styles`: the style cascade on top of it (document defaults, theme fonts);
- :mod:`.numbering`: Word's list numbering (importer and checker alike).

Namespaces and ``qn`` come from python-docx (:mod:`docx.oxml.ns`,
:mod:`docx.opc.constants`). The layer imports nothing of govdoc but its numbers
(:mod:`govdoc.spec`), its errors and the typography of :mod:`govdoc.text`.
"""
