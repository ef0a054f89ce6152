# Trainees: the Assignments tab, never the formgrader (the instructor's server re-enables it).
c = get_config()  # noqa: F821
c.ServerApp.jpserver_extensions = {
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
}
# Apps (Voilà, /voila/render/apps/...): the kit's template, without CDN requests
# (copied into /usr/local/share/jupyter/voila/templates/kit by the Dockerfile), and no
# MathJax (Voilà loads it from a CDN unless both settings are None; the apps show no formula).
c.VoilaConfiguration.template = "kit"
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}
