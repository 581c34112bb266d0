from matrix import access


def matrix(request):
    """What the matrix's navigation shows on its pages."""
    return {"can_read_mutations": access.can_read_mutations(request.user)}
