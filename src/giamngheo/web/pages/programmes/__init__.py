"""Pages for programmes, eligibility rules and levels, enrolment, support delivery,
campaigns and the housing report (mounted at ``chuong-trinh/`` in the ``web`` namespace)."""
